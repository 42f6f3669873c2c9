package uk.placements.query.dashboard;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.ReadModelChanges;
import uk.placements.query.capacity.CapacityLedgerProjection;
import uk.placements.query.funding.FundingProjection;
import uk.placements.query.placechange.PlaceChangeProjection;
import uk.placements.query.history.PlacementHistoryProjection;
import uk.placements.query.provision.ProvisionProjection;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The last answers of the dashboards, each kept with the position of the read models it was computed from: the
 * projections the reporting views and the money reads read ({@link #READ_MODELS}). Their position is the counters of
 * changes to their rows ({@link ReadModelChanges}), moved in the same transaction as the rows by every batch that
 * changes them, every rebuild and every reset (a reset clears the rows), so equal counters mean equal rows. An answer
 * is handed out again only while the counters are unchanged; any batch that changes rows, a rebuild or a reset moves
 * them and the next read computes afresh. The processors' tokens are not part of it: a processor also stores a token
 * that passed only over events it does not handle, and that changes no row; and every warm read would read them, from
 * a table whose rows every batch of every processor updates. Many analysts opening the same dashboard between two
 * changes cost one computation. The position is read before the answer is computed,
 * so an answer that already saw a later batch is filed under an older position that never comes back, and is never
 * handed out.
 */
@Component
public class DashboardCache {

    private static final int ANSWERS = 64;
    /** The projections whose rows the dashboards and the money reads read. */
    public static final List<String> READ_MODELS = List.of(PlacementHistoryProjection.NAME, ProvisionProjection.NAME,
            CapacityLedgerProjection.NAME, FundingProjection.NAME, PlaceChangeProjection.NAME);
    private static final String IN = String.join(", ", READ_MODELS.stream().map(name -> "'" + name + "'").toList());
    /** Each read model's change counter ({@link ReadModelChanges}). */
    private static final String POSITION = "SELECT processing_group, changes FROM read_model_change "
            + "WHERE processing_group IN (" + IN + ") ORDER BY processing_group";

    private final JdbcTemplate jdbc;
    private final Map<Object, Answer> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Answer> eldest) {
            return size() > ANSWERS;
        }
    };

    public DashboardCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A kept answer and, once it has been sent, its JSON ({@link KeptAnswersJson}): the same answer is the same bytes,
     * so a kept answer is serialised once, not on every read (a capacity dashboard of 1,875 provisions is 660 kB).
     * <p>
     * An answer asked for once is held weakly, its JSON too: it serves the same question while anything still holds
     * it, or until the next collection, and is then let go. Asked for again at the same position, it is held (a
     * second ask that finds it let go computes it again, and holds that). A dashboard asked for a date no one asks
     * again (an analyst stepping back through "as at" dates, the benchmark's cold reads) therefore leaves nothing for
     * the collector to copy: held, each such answer (about 2 MB with its JSON) was copied to the survivor space and
     * then to the old generation, and at one cold read every 25 ms the young collections copied 40 MB each, 20 to
     * 35 ms pauses on two cores, a third of them longer.
     */
    private static final class Answer {
        final byte[] position;
        private final WeakReference<Object> once;
        private volatile Object held;
        /** The JSON: a {@link Json} while the answer is held, else a weak reference to one. */
        private volatile Object json;

        Answer(byte[] position, Object value, boolean hold) {
            this.position = position;
            this.once = new WeakReference<>(value);
            this.held = hold ? value : null;
        }

        /** The answer, unless it was asked for once and has been let go. */
        Object value() {
            Object value = held;
            return value != null ? value : once.get();
        }

        void hold(Object value) {
            held = value;
        }

        Json json() {
            Object kept = json;
            return kept instanceof WeakReference<?> weak ? (Json) weak.get() : (Json) kept;
        }

        /** Keeps {@code json} as strongly as the answer is kept. */
        void keep(Json kept) {
            json = held != null ? kept : new WeakReference<>(kept);
        }
    }

    /**
     * An answer's JSON as written for the declared type {@code type} (another type may write other fields), and the
     * same bytes gzipped once a client that accepts gzip has asked for them ({@link #gzipped}).
     */
    public static final class Json {
        private final java.lang.reflect.Type type;
        private final byte[] bytes;
        private volatile byte[] gzipped;

        Json(java.lang.reflect.Type type, byte[] bytes) {
            this.type = type;
            this.bytes = bytes;
        }

        public byte[] bytes() {
            return bytes;
        }

        /**
         * The JSON gzipped: compressed the first time it is asked for, then kept with it. At the fastest level: a
         * dashboard asked for a new date is compressed on its way out, and the default level took twice as long
         * as this one on a made-up capacity dashboard of 1,875 provisions (825 kB: 7.2 against 3.4 ms), for two
         * fifths more bytes to send.
         */
        public byte[] gzipped() {
            byte[] kept = gzipped;
            if (kept == null) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 8 + 64);
                try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out, 64 * 1024) {
                    {
                        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                    }
                }) {
                    gzip.write(bytes);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                kept = out.toByteArray();
                gzipped = kept;
            }
            return kept;
        }
    }

    /**
     * Kept JSON is at most this long; a longer answer is written afresh each time rather than held. A kept answer's
     * objects take more memory than its JSON, so keeping the JSON too at most doubles what the cache holds.
     */
    static final int MAX_KEPT_JSON = 4 * 1024 * 1024;

    /**
     * The answer to {@code query}: the kept one if the read models have not moved since, else computed. An answer
     * computed for the first time at this position is kept weakly; asked for again, it is held ({@link Answer}).
     */
    @SuppressWarnings("unchecked")
    public <T> T answer(Object query, Supplier<T> compute) {
        byte[] position = position();
        boolean askedBefore = false;
        synchronized (answers) {
            Answer kept = answers.get(query);
            if (kept != null && Arrays.equals(kept.position, position)) {
                Object value = kept.value();
                if (value != null) {
                    kept.hold(value);
                    return (T) value;
                }
                askedBefore = true;
            }
        }
        T value = compute.get();
        synchronized (answers) {
            answers.put(query, new Answer(position, value, askedBefore));
        }
        return value;
    }

    /**
     * The JSON of {@code value} for the declared {@code type}, if {@code value} is one of the kept answers (the very
     * object {@link #answer} handed out): the bytes kept with it, else {@code write}'s, which are then kept with it
     * (as strongly as the answer is). Null if {@code value} is not a kept answer: the caller writes it as usual. An
     * answer too long to keep ({@link #MAX_KEPT_JSON}) gets {@code write}'s bytes, not kept.
     */
    public Json json(Object value, java.lang.reflect.Type type, Supplier<byte[]> write) {
        Answer answer = null;
        synchronized (answers) {
            for (Answer kept : answers.values()) {
                if (kept.value() == value) {
                    answer = kept;
                    break;
                }
            }
        }
        if (answer == null) {
            return null;
        }
        Json json = answer.json();
        if (json == null || !Objects.equals(json.type, type)) {
            json = new Json(type, write.get());
            if (json.bytes.length > MAX_KEPT_JSON) {
                return json;
            }
        }
        answer.keep(json);
        return json;
    }

    /** A digest of the read models' change counters. */
    private byte[] position() {
        MessageDigest digest = sha256();
        jdbc.query(POSITION, rs -> {
            digest.update(rs.getString(1).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Long.toString(rs.getLong(2)).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
