package uk.placements.shared.placement.query;

import java.util.List;

public record CaseloadPage(List<CaseloadItem> items, int page, int size, long total) {
}
