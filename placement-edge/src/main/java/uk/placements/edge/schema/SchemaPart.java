package uk.placements.edge.schema;

/**
 * One service's share of the database schema: Flyway migrations under {@code classpath:db/<name>/common} and {@code classpath:db/<name>/<vendor>}, with a
 * history table of their own ({@code flyway_<name>_history}). Each service migrates only the parts it contains,
 * so the command and query services can start alone or together against one database, in any order.
 */
public record SchemaPart(String name, int order) {
}
