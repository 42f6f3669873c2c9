package uk.placements.shared.pupil;

import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import java.security.NoSuchAlgorithmException;

/**
 * One AES-GCM {@link Cipher} per thread, initialised afresh for every use. {@code Cipher.getInstance} looks the
 * transformation up among the providers each time it is called, which cost a rebuild of the caseload about a
 * twentieth of its time (five calls per referral: the data key's unwrapping and four values). A cipher is not
 * thread-safe, hence one per thread; {@code init} resets everything a previous use left.
 */
final class GcmCiphers {

    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private GcmCiphers() {
    }

    /** This thread's cipher, to be initialised by the caller before use. */
    static Cipher cipher() {
        return CIPHER.get();
    }
}
