package uk.placements.shared.pupil;

/**
 * The pupil's data key was deleted (crypto-shredding): nothing more about them can be sealed, so a command that
 * would record personal data about them (a note) is refused rather than failing.
 */
public class PupilDataErased extends IllegalStateException {

    public PupilDataErased() {
        super("the pupil's personal data has been erased: nothing more about them can be recorded");
    }
}
