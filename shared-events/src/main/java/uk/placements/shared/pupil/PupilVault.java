package uk.placements.shared.pupil;

import uk.placements.shared.placement.PupilDetails;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.SealedPupil;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Seals and opens personal data with each pupil's own AES-256-GCM data key. A sealed value reads
 * {@code enc:v1:<base64(iv | ciphertext | tag)>}; the pupil id is bound in as associated data, so a value cannot be
 * moved to another pupil's record and still open.
 */
public class PupilVault implements PupilSealer {

    public static final String PREFIX = "enc:v1:";
    public static final String ERASED = "[erased]";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PupilVault(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public SealedPupil seal(PupilId pupil, PupilDetails details) {
        byte[] key = requireKey(pupil);
        return new SealedPupil(seal(key, pupil, details.upn().value()), seal(key, pupil, details.givenName()),
                seal(key, pupil, details.familyName()), seal(key, pupil, details.dateOfBirth().toString()));
    }

    @Override
    public String sealNote(PupilId pupil, String note) {
        return note == null || note.isBlank() ? null : seal(requireKey(pupil), pupil, note.strip());
    }

    /** The clear text, or {@link #ERASED} once the pupil's key has been deleted. */
    public String open(PupilId pupil, String sealed) {
        return sealed == null ? null : opener(pupil).apply(sealed);
    }

    /**
     * Opens any number of one pupil's sealed values with a single key lookup (a referral has four); every value
     * reads {@link #ERASED} once the key has been deleted. Null stays null.
     */
    public UnaryOperator<String> opener(PupilId pupil) {
        Optional<byte[]> key = keys.dataKey(pupil);
        if (key.isEmpty()) {
            return sealed -> sealed == null ? null : ERASED;
        }
        return opener(pupil, key.get());
    }

    /**
     * Openers for many pupils at once, with one lookup of their keys ({@link DataKeys#dataKeys}) instead of one per
     * pupil: a rebuild of the caseload opens every referral of the history. A pupil without a key is left out; ask
     * {@link #opener(PupilId, java.time.Instant, java.time.Duration)} for each of those, which tells an erased pupil
     * from one whose key is still being committed.
     */
    public Map<PupilId, UnaryOperator<String>> openers(Collection<PupilId> pupils) {
        Map<PupilId, UnaryOperator<String>> openers = new HashMap<>();
        keys.dataKeys(pupils).forEach((pupil, key) -> openers.put(pupil, opener(pupil, key)));
        return openers;
    }

    /**
     * As {@link #opener(PupilId)}, for a read model projecting an event recorded at {@code recordedAt}: a pupil with
     * no key who was never erased is a pupil whose key is still being committed (under Axon Server the events reach
     * the event store a moment before the command's database transaction commits). This waits for the key a little
     * ({@link #BRIEF_WAIT}: the gap is usually milliseconds), then throws {@link KeyNotYetVisible} so that the read
     * model's processor tries the batch again, rather than recording the pupil as erased for good. Should no key
     * appear within {@code patience} of the event (its command's transaction failed after its events were stored),
     * the values read as erased, as they will for ever.
     */
    public UnaryOperator<String> opener(PupilId pupil, java.time.Instant recordedAt, java.time.Duration patience) {
        long giveUp = System.nanoTime() + BRIEF_WAIT.toNanos();
        while (true) {
            Optional<byte[]> key = keys.dataKey(pupil);
            if (key.isPresent()) {
                return opener(pupil, key.get());
            }
            if (keys.erased(pupil) || !java.time.Instant.now().isBefore(recordedAt.plus(patience))) {
                return sealed -> sealed == null ? null : ERASED;
            }
            if (System.nanoTime() > giveUp) {
                throw new KeyNotYetVisible();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeyNotYetVisible();
            }
        }
    }

    /** How long {@link #opener(PupilId, java.time.Instant, java.time.Duration)} waits before asking for a retry. */
    public static final java.time.Duration BRIEF_WAIT = java.time.Duration.ofSeconds(2);

    /** No key yet for a pupil who was never erased: the projection retries the batch. */
    public static class KeyNotYetVisible extends IllegalStateException {
        public KeyNotYetVisible() {
            super("no data key yet for a pupil who was never erased: the command that created it has not committed");
        }
    }

    private static UnaryOperator<String> opener(PupilId pupil, byte[] dataKey) {
        SecretKeySpec spec = new SecretKeySpec(dataKey, "AES");
        byte[] aad = pupil.value().getBytes(StandardCharsets.UTF_8);
        return sealed -> sealed == null ? null : open(spec, aad, sealed);
    }

    private static String open(SecretKeySpec key, byte[] aad, String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed value");
        }
        byte[] box = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher cipher = GcmCiphers.cipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return new String(cipher.doFinal(box, IV_BYTES, box.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value did not open: tampered, or sealed for another pupil", e);
        }
    }

    private byte[] requireKey(PupilId pupil) {
        return keys.dataKey(pupil).orElseThrow(PupilDataErased::new);
    }

    private String seal(byte[] key, PupilId pupil, String clear) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(pupil.value().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] box = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, box, 0, IV_BYTES);
            System.arraycopy(sealed, 0, box, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(box);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
