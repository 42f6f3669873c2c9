package uk.placements.command.pupil;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.command.placement.domain.PupilRegister;
import uk.placements.shared.common.Upn;
import uk.placements.shared.pupil.KeyEncryptionKey;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilId;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Pupils (with a fresh data key each, wrapped by the master key) and their open placements, in tables of their own. Every method runs inside the
 * command's transaction (the JdbcTemplate joins it), so a claim commits with the events or not at all.
 */
public class JdbcPupilStore implements PupilRegister {

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKey kek;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcPupilStore(JdbcTemplate jdbc, KeyEncryptionKey kek, Clock clock) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.clock = clock;
    }

    @Override
    public PupilId identify(Upn upn) {
        String digest = kek.digest(upn.value());
        List<String> known = jdbc.queryForList("SELECT pupil_id FROM pupil_key WHERE upn_digest = ?", String.class,
                digest);
        if (!known.isEmpty()) {
            return new PupilId(known.get(0));
        }
        PupilId pupil = PupilId.random();
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        try {
            jdbc.update("INSERT INTO pupil_key (pupil_id, upn_digest, wrapped_key, created_at) VALUES (?, ?, ?, ?)",
                    pupil.value(), digest, kek.wrap(dataKey), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException | PessimisticLockingFailureException sameNewPupilInParallel) {
            // Another command created this pupil a moment ago: retrying the command finds it.
            throw new ConcurrencyException("the same new pupil was referred twice at once");
        }
        return pupil;
    }

    /** The pupil known by this UPN, if any (the UPN itself is never stored: its keyed digest is). */
    public Optional<PupilId> find(Upn upn) {
        return jdbc.queryForList("SELECT pupil_id FROM pupil_key WHERE upn_digest = ?", String.class,
                kek.digest(upn.value())).stream().findFirst().map(PupilId::new);
    }

    /**
     * Crypto-shredding: deletes the pupil's data key and the digest that found it, so every sealed field of the
     * pupil, in every event, snapshot and backup copy of the event store, is unreadable from now on. Leaves a
     * tombstone (the id and the time, nothing else) so that read models know the key is gone for good.
     */
    void eraseKey(PupilId pupil) {
        jdbc.update("DELETE FROM pupil_key WHERE pupil_id = ?", pupil.value());
        jdbc.update("INSERT INTO erased_pupil (pupil_id, erased_at) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM erased_pupil WHERE pupil_id = ?)", pupil.value(), Timestamp.from(clock.instant()),
                pupil.value());
    }

    @Override
    public boolean claimOpenPlacement(PupilId pupil, PlacementId placement) {
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM open_placement WHERE pupil_id = ?", Integer.class,
                pupil.value());
        if (open != null && open > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO open_placement (pupil_id, placement_id) VALUES (?, ?)", pupil.value(),
                    placement.value());
            return true;
        } catch (DuplicateKeyException claimedInParallel) {
            return false;
        } catch (PessimisticLockingFailureException undecided) {
            throw new ConcurrencyException("a claim for the same pupil is still in flight");
        }
    }

    @Override
    public void releaseOpenPlacement(PupilId pupil, PlacementId placement) {
        jdbc.update("DELETE FROM open_placement WHERE pupil_id = ? AND placement_id = ?", pupil.value(),
                placement.value());
    }
}
