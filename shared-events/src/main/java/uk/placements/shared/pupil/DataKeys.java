package uk.placements.shared.pupil;

import uk.placements.shared.placement.PupilId;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Per-pupil data keys. A pupil whose key is gone (erased) has no key: its sealed data can never be read again. */
public interface DataKeys {

    Optional<byte[]> dataKey(PupilId pupil);

    /**
     * The data keys of the pupils that have one, by pupil; a pupil without a key is not in the map. Implementations
     * over a database should read them in few queries: the caseload's rebuild asks for every pupil of the history.
     */
    default Map<PupilId, byte[]> dataKeys(Collection<PupilId> pupils) {
        Map<PupilId, byte[]> keys = new HashMap<>();
        for (PupilId pupil : pupils) {
            dataKey(pupil).ifPresent(key -> keys.put(pupil, key));
        }
        return keys;
    }

    /** Whether the pupil's key was erased (as opposed to not written yet). */
    default boolean erased(PupilId pupil) {
        return true;
    }
}
