package uk.placements.command.web;

/** The answer to every write: the aggregate and its version (sequence number) after the command. */
public record WriteResult(String id, long version) {
}
