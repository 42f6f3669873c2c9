package uk.placements.query.returns;

import java.time.LocalDate;

/**
 * What the SEN2 placements export holds for a window, without personal data: the figures to check a return by
 * before downloading it.
 *
 * @param placements                placements in the return (each one or more CSV rows, one per need)
 * @param pupils                    distinct pupils among them
 * @param needRows                  CSV rows: a placement's needs, primary first
 * @param openOnCensusDay           placements the pupil was still in on census day (no leaving date)
 * @param leftInWindow              placements with a leaving date in the window
 * @param senUnitPlacements         placements with SENunitIndicator 1
 * @param resourcedProvisionPlacements placements with ResourcedProvisionIndicator 1
 * @param erasedPupilsExcluded      pupils whose personal data was erased, left out of the return
 * @param erasedPlacementsExcluded  their placements in the window
 */
public record Sen2Summary(LocalDate censusDate, LocalDate from, int placements, int pupils, int needRows,
                          int openOnCensusDay, int leftInWindow, int senUnitPlacements,
                          int resourcedProvisionPlacements, int erasedPupilsExcluded, int erasedPlacementsExcluded) {

    static Sen2Summary of(Sen2PlacementExport.Export export) {
        var placements = export.placements();
        return new Sen2Summary(export.window().censusDay(), export.window().from(), placements.size(),
                (int) placements.stream().map(Sen2PlacementExport.Placement::pupilId).distinct().count(),
                placements.stream().mapToInt(p -> p.rankedNeeds().size()).sum(),
                (int) placements.stream().filter(p -> p.leavingDate() == null).count(),
                (int) placements.stream().filter(p -> p.leavingDate() != null).count(),
                (int) placements.stream().filter(p -> Sen2Codes.senUnit(p.type())).count(),
                (int) placements.stream().filter(p -> Sen2Codes.resourcedProvision(p.type())).count(),
                export.erasedPupilsExcluded(), export.erasedPlacementsExcluded());
    }
}
