package uk.placements.shared.provision.query;

import java.util.List;

public record ProvisionPage(List<ProvisionView> items, int page, int size, long total) {
}
