package uk.placements.shared.pupil;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The installation's master key. It wraps every pupil's data key (so a copy of the database alone opens nothing)
 * and keys the UPN digest used to find a pupil again (so the lookup table holds no UPN a dictionary could reverse).
 * It comes from configuration ({@code placements.crypto.master-key}, base64 of 32 bytes) or, for the embedded
 * default, from a key file created beside the database on first start.
 */
public final class KeyEncryptionKey {

    private static final int IV_BYTES = 12;
    private final SecretKeySpec wrapping;
    private final SecretKeySpec digesting;
    private final SecureRandom random = new SecureRandom();

    public KeyEncryptionKey(byte[] master) {
        if (master.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes");
        }
        this.wrapping = new SecretKeySpec(derive(master, "wrap-data-keys"), "AES");
        this.digesting = new SecretKeySpec(derive(master, "upn-digest"), "HmacSHA256");
    }

    public static KeyEncryptionKey fromConfiguration(String base64Key, Path keyFile) {
        if (base64Key != null && !base64Key.isBlank()) {
            return new KeyEncryptionKey(Base64.getDecoder().decode(base64Key.strip()));
        }
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file inherits the folder's permissions.
                }
            }
            return new KeyEncryptionKey(Base64.getDecoder().decode(Files.readString(keyFile).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + keyFile, e);
        }
    }

    /** A keyed, stable digest of a UPN: finds the same pupil again without storing the UPN. */
    public String digest(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(digesting);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] wrap(byte[] dataKey) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, wrapping, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] box = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, box, 0, IV_BYTES);
            System.arraycopy(sealed, 0, box, IV_BYTES, sealed.length);
            return box;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] unwrap(byte[] box) {
        try {
            Cipher cipher = GcmCiphers.cipher();
            cipher.init(Cipher.DECRYPT_MODE, wrapping, new GCMParameterSpec(128, box, 0, IV_BYTES));
            return cipher.doFinal(box, IV_BYTES, box.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key did not unwrap: wrong master key?", e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
