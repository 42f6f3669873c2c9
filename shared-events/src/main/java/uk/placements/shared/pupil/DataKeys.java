package uk.placements.shared.pupil;

import uk.placements.shared.placement.PupilId;

import java.util.Optional;

/** Per-pupil data keys. A pupil whose key is gone (erased) has no key: its sealed data can never be read again. */
public interface DataKeys {

    Optional<byte[]> dataKey(PupilId pupil);

    /** Whether the pupil's key was erased (as opposed to not written yet). */
    default boolean erased(PupilId pupil) {
        return true;
    }
}
