/**
 * The read side: projections of the event store, query handlers and the read API. Every read model here can be
 * thrown away and rebuilt from the events. The projections arrive with the read-side issue; until then this module
 * builds, and its service starts against the shared database.
 */
package uk.placements.query;
