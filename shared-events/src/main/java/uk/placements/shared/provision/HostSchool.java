package uk.placements.shared.provision;

import uk.placements.shared.common.SchoolUrn;

import java.util.Objects;

public record HostSchool(SchoolUrn urn, String name) {

    public HostSchool {
        Objects.requireNonNull(urn, "urn");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a host school has a name");
        }
    }
}
