package uk.placements.shared.funding.event;

import java.math.BigDecimal;

/** Every event of the Tariff aggregate. {@code previous} is the value replaced by a correction, else null. */
public sealed interface TariffEvent permits PlaceRateSet, BandValueSet, ProvisionTopUpRateSet {

    BigDecimal previous();
}
