package uk.placements.command.placement.domain;

import uk.placements.shared.pupil.DataKeys;
import uk.placements.shared.common.Upn;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilId;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pupil register and its data keys in maps, as {@code JdbcPupilStore} keeps them in tables: one pupil id per
 * UPN, one data key per pupil, at most one open placement per pupil.
 */
final class InMemoryPupils implements PupilRegister, DataKeys {

    private final Map<Upn, PupilId> pupils = new HashMap<>();
    private final Map<PupilId, byte[]> keys = new HashMap<>();
    private final Map<PupilId, PlacementId> openPlacements = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** A pupil already known to the register, as a placement given in events would have created it. */
    void know(Upn upn, PupilId pupil) {
        pupils.put(upn, pupil);
        keys.computeIfAbsent(pupil, p -> freshKey());
    }

    void giveKey(PupilId pupil) {
        keys.computeIfAbsent(pupil, p -> freshKey());
    }

    /** The pupil's placement as if an earlier referral had claimed it. */
    void markOpen(PupilId pupil, PlacementId placement) {
        openPlacements.put(pupil, placement);
    }

    Optional<PlacementId> openPlacement(PupilId pupil) {
        return Optional.ofNullable(openPlacements.get(pupil));
    }

    /** Deletes the pupil's data key, as erasure does. */
    void erase(PupilId pupil) {
        keys.remove(pupil);
    }

    @Override
    public PupilId identify(Upn upn) {
        PupilId pupil = pupils.computeIfAbsent(upn, u -> PupilId.random());
        keys.computeIfAbsent(pupil, p -> freshKey());
        return pupil;
    }

    @Override
    public boolean claimOpenPlacement(PupilId pupil, PlacementId placement) {
        return openPlacements.putIfAbsent(pupil, placement) == null;
    }

    @Override
    public void releaseOpenPlacement(PupilId pupil, PlacementId placement) {
        openPlacements.remove(pupil, placement);
    }

    @Override
    public Optional<byte[]> dataKey(PupilId pupil) {
        return Optional.ofNullable(keys.get(pupil));
    }

    private byte[] freshKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }
}
