package uk.placements.shared.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evident chain over each aggregate's events. An event's hash is SHA-256 over the previous event's hash
 * and everything stored of the event itself: aggregate, sequence, payload type and revision, recorded-at instant,
 * metadata (without the hash) and the payload bytes as stored, that is with personal data still encrypted. Altering
 * any stored byte breaks the chain from that event on; deleting a pupil's key (erasure) changes no stored byte and
 * leaves the chain intact. The instant counts to the millisecond, the precision the event store keeps.
 */
public final class EventHash {

    /** The metadata key that carries an event's hash. */
    public static final String KEY = "hash";
    /** The "previous hash" of an aggregate's first event. */
    public static final String GENESIS = "";

    private EventHash() {
    }

    public static String of(String previousHash, String aggregateId, long sequence, String payloadType,
                            String revision, Instant recordedAt, Map<String, ?> metaData, byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder head = new StringBuilder()
                    .append(previousHash).append('\n')
                    .append(aggregateId).append('\n')
                    .append(sequence).append('\n')
                    .append(payloadType).append('\n')
                    .append(revision == null ? "" : revision).append('\n')
                    .append(recordedAt.truncatedTo(ChronoUnit.MILLIS)).append('\n');
            new TreeMap<>(metaData).forEach((key, value) -> {
                if (!KEY.equals(key)) {
                    head.append(key).append('=').append(value).append('\n');
                }
            });
            sha.update(head.toString().getBytes(StandardCharsets.UTF_8));
            sha.update(payload);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
