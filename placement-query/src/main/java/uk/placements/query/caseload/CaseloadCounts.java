package uk.placements.query.caseload;

import uk.placements.query.PerBatch;
import uk.placements.query.RowWrites;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The caseload's totals kept by its projection ({@code rm_caseload_count}), so that a page's total is read, not
 * counted: for every combination of the caseload's filters without a provision ({@code status}, {@code need},
 * {@code yearGroup}, {@code type}; {@link Filters#key}) that some placement matches, how many placements match it.
 * A placement counts under every combination of its own values (16 at most; one that names a value the placement
 * has not got, such as a type before an offer, it cannot match, and is left out). Two totals are counted instead:
 * with the free-text search ({@code q}), which cannot be kept, and with a provision, whose placements the index
 * that leads with the provision finds (a provision's caseload, not the authority's). Kept per provision, the
 * combinations were half of each placement's and nearly all the distinct ones, so most of the rows written by every
 * batch and by a rebuild.
 * <p>
 * Each batch of the caseload projection adds what it changed ({@link #add}) and writes the changes ({@link #write})
 * in the same transaction as the rows, so the totals are always those of the rows. A combination's total is kept
 * in {@link #PARTS} parts, by placement ({@link #part}), summed when read: placements are spread over the
 * processor's segments by the same hash, so the threads of its segments change different rows and never wait for
 * each other or race to insert the same row (should the segments be split otherwise, they may: the batch that
 * loses a race to insert is rolled back and retried, as any failed batch is). A row
 * exists only while its part is above zero, so a rebuild, which never writes a zero, leaves the same rows.
 */
final class CaseloadCounts {

    /** Parts of a total: the caseload processor's segments ({@code initial-segment-count}), a power of two. */
    static final int PARTS = 4;

    /** The filters' values a placement has, each null where it has none (no provision before an offer). */
    record Filters(String status, String provisionId, String need, Integer yearGroup, String type) {

        /** The provision's bit in a subset of the values. */
        private static final int PROVISION = 1 << 1;

        /** The filter keys of every combination of these values, without the provision, that a filter can ask for. */
        List<String> keys() {
            String[] values = {status, provisionId, need, yearGroup == null ? null : yearGroup.toString(), type};
            List<String> keys = new ArrayList<>(16);
            for (int subset = 0; subset < 1 << values.length; subset++) {
                if ((subset & PROVISION) != 0) {
                    continue; // counted, not kept
                }
                String[] chosen = new String[values.length];
                boolean possible = true;
                for (int i = 0; i < values.length; i++) {
                    if ((subset & 1 << i) != 0) {
                        possible &= values[i] != null;
                        chosen[i] = values[i];
                    }
                }
                if (possible) {
                    keys.add(key(chosen[0], chosen[1], chosen[2], chosen[3], chosen[4]));
                }
            }
            return keys;
        }

        /**
         * A combination of filters as one key, each filter given as {@code name=value} in a fixed order, joined by
         * {@code &}; the empty key is no filter at all. Unambiguous as long as no value holds {@code &}: enum names,
         * numbers and provision ids ({@code [A-Z0-9-]}) do not.
         */
        static String key(String status, String provisionId, String need, String yearGroup, String type) {
            StringBuilder key = new StringBuilder();
            append(key, "status", status);
            append(key, "provisionId", provisionId);
            append(key, "need", need);
            append(key, "yearGroup", yearGroup);
            append(key, "type", type);
            return key.toString();
        }

        private static void append(StringBuilder key, String name, String value) {
            if (value != null) {
                key.append(key.isEmpty() ? "" : "&").append(name).append('=').append(value);
            }
        }
    }

    /** A change to one part of one total, and the row of {@code rm_caseload_count} it is written as. */
    record Count(String filterKey, int part, long placements) {
    }

    /** The part of every total that counts {@code placementId}. */
    static int part(String placementId) {
        return placementId.hashCode() & (PARTS - 1);
    }

    /**
     * What one batch changed: for each distinct set of filter values, the placements that came to have it less those
     * that left it, by part. Placements share their values (a rebuild meets 200,000 placements with a few thousand
     * distinct ones), so each set is expanded into its filter keys once, when written, not once per placement.
     */
    private final Map<Filters, long[]> changes = new HashMap<>();

    /** The placement counted as {@code before} (null: not counted yet) now counts as {@code after}. */
    void add(String placementId, Filters before, Filters after) {
        if (after.equals(before)) {
            return;
        }
        int part = part(placementId);
        if (before != null) {
            changes.computeIfAbsent(before, f -> new long[PARTS])[part]--;
        }
        changes.computeIfAbsent(after, f -> new long[PARTS])[part]++;
    }

    /** The changes by filter key and part, in key order, without those that came to nothing. */
    List<Count> changed() {
        Map<String, long[]> byKey = new TreeMap<>();
        changes.forEach((filters, parts) -> {
            if (Arrays.stream(parts).allMatch(by -> by == 0)) {
                return;
            }
            for (String key : filters.keys()) {
                long[] sums = byKey.computeIfAbsent(key, k -> new long[PARTS]);
                for (int part = 0; part < PARTS; part++) {
                    sums[part] += parts[part];
                }
            }
        });
        List<Count> changed = new ArrayList<>();
        byKey.forEach((key, sums) -> {
            for (int part = 0; part < PARTS; part++) {
                if (sums[part] != 0) {
                    changed.add(new Count(key, part, sums[part]));
                }
            }
        });
        return changed;
    }

    /**
     * Adds the changes to the rows, in key order (two transactions that change the same rows take their locks in
     * one order): each changed row is updated, or inserted where there is none, and removed once it reaches zero.
     */
    void write(RowWrites writes) {
        List<Count> changed = changed();
        if (changed.isEmpty()) {
            return;
        }
        if (PerBatch.wholeHistory()) {
            // a rebuild starts from no rows and its changes are the final totals, none of them negative
            writes.batchUpdate("INSERT INTO rm_caseload_count (filter_key, part, placements) "
                    + "VALUES (:filterKey, :part, :placements)", changed);
            return;
        }
        int[] updated = writes.batchUpdate("""
                UPDATE rm_caseload_count SET placements = placements + :placements
                WHERE filter_key = :filterKey AND part = :part""", changed);
        List<Count> inserts = new ArrayList<>();
        List<Count> fewer = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            Count count = changed.get(i);
            if (updated[i] == 0) {
                if (count.placements() < 0) {
                    throw new IllegalStateException("the caseload's total for '" + count.filterKey()
                            + "' would fall below zero: the kept totals do not match the rows");
                }
                inserts.add(count);
            } else if (count.placements() < 0) {
                fewer.add(count);
            }
        }
        writes.batchUpdate("INSERT INTO rm_caseload_count (filter_key, part, placements) "
                + "VALUES (:filterKey, :part, :placements)", inserts);
        writes.batchUpdate("DELETE FROM rm_caseload_count WHERE filter_key = :filterKey AND part = :part "
                + "AND placements = 0", fewer);
    }
}
