/**
 * Operations on the read models (API.md, "Operations"), ADMIN only:
 * <ul>
 * <li>{@code GET /api/admin/projections}: each projection's position (lowest global index across its segments),
 * the event store's head, the lag between them in events, whether it is replaying, the segments this instance
 * claims, and the tables it owns ({@link uk.placements.query.operations.ReadModels}).</li>
 * <li>{@code POST /api/admin/projections/{name}/rebuild}: checksum, stop, reset (the projection's
 * {@code @ResetHandler} clears its tables), start, wait until caught up with the head taken at the start, checksum
 * again; answers {@code {events, millis, eventsPerSecond, cpuMillis, checksumBefore, checksumAfter, unchanged, …}}.
 * Unknown name: 404; a rebuild already running: 409.</li>
 * </ul>
 * The checksum ({@link uk.placements.query.operations.ReadModelChecksum}) is SHA-256 over the model's tables read in
 * primary-key order with a canonical text for every column, so a faithful rebuild gives back the same checksum.
 * <p>
 * Several instances ("scaled out": query services sharing one PostgreSQL): stopping and starting go through
 * {@link uk.placements.query.operations.SharedProcessorControl}, a desired state per group in the shared database
 * that every instance polls; a rebuild answers 503 if some instance does not let go of the group in time. The
 * instances split each group's segments ({@link uk.placements.query.operations.SegmentShare}) and take over a dead
 * one's within about the claim timeout ({@link uk.placements.query.operations.SharedProcessingConfiguration}).
 * Positions of segments claimed by other instances are read from the shared token store.
 * <p>
 * Speed: during a replay the projections skip their per-event "handled already?" query ({@code ReplayStatus}), and
 * rows no handler reads back within a batch are inserted as one JDBC batch per statement when the batch commits
 * ({@link uk.placements.query.BatchedInserts}). Measured with {@code ProjectionRebuildBenchmark} (placement-app
 * tests; in-memory H2, 19,156 events from 120 provisions and 6,000 placements; the projections of before and after
 * run back to back, third round after two warm-up rounds, on a 2-core machine shared with two other builds, so each
 * figure swings by tens of percent): caseload 3,842 to 7,693 events/s (process CPU 255 to 200 µs an event),
 * placement-history 5,199 to 7,456 (169 to 114 µs), provisions 18,928 to 22,248 (64 to 41 µs).
 */
package uk.placements.query.operations;
