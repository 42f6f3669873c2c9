package uk.placements.shared.dashboard;

import java.time.LocalDate;
import java.util.List;

/** The waiting list as at a date; days waiting count from the referral date to {@code asOf}. */
public record WaitingList(LocalDate asOf, Waiting total, List<Group> groups) {

    public WaitingList {
        groups = List.copyOf(groups);
    }

    /** Count, median (the mean of the middle two when even) and maximum days waiting; null days when empty. */
    public record Waiting(int count, Double medianDays, Integer maxDays) {
    }

    public record Group(String primaryNeed, int yearGroup, Waiting waiting) {
    }
}
