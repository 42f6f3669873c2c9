package uk.placements.query.returns;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.capacity.LedgerInForce;
import uk.placements.query.returns.GiasExtract.ProvisionKind;
import uk.placements.shared.common.ProvisionType;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * GIAS against the product, school by school, on the extract's date (docs/returns.md, "GIAS reconciliation"): the
 * commissioned places and pupils on roll of the school's open Resource Bases (GIAS's resourced provision) and SEN
 * Units, from the capacity ledger ({@code rm_capacity_ledger}, the row in force on the date) and the provisions'
 * host schools ({@code rm_provision}). A school in neither (no unit in GIAS, none in the product) is left out.
 */
@Component
public class GiasReconciliation {

    /** Each provision open on :asOf, its host school and its ledger row in force then. */
    private final String openProvisions;

    /** A school's figures as GIAS names them; a figure GIAS leaves blank is null. */
    public record GiasFigures(String typeOfResourcedProvision, Integer resourcedProvisionCapacity,
                          Integer resourcedProvisionOnRoll, Integer senUnitCapacity, Integer senUnitOnRoll) {
    }

    /** The product's figures at a school, and the provisions they add up. */
    public record GiasProductFigures(String typeOfResourcedProvision, int resourcedProvisionCapacity,
                                 int resourcedProvisionOnRoll, int senUnitCapacity, int senUnitOnRoll,
                                 List<String> provisionIds) {
    }

    /**
     * One thing GIAS and the product disagree on: {@code item} is the GIAS column; {@code gias} is null where GIAS
     * leaves it blank or does not list the school.
     */
    public record GiasDisagreement(String item, String gias, String product) {
    }

    /** A school with a unit in GIAS or in the product; {@code gias} is null when the extract does not list it. */
    public record GiasSchool(String urn, String name, boolean agrees, GiasFigures gias, GiasProductFigures product,
                             List<GiasDisagreement> disagreements) {
    }

    public record GiasReport(LocalDate asOf, int schoolsInExtract, int schoolsCompared, int schoolsAgreeing,
                             int schoolsDisagreeing, List<GiasSchool> schools) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public GiasReconciliation(NamedParameterJdbcTemplate jdbc, LedgerInForce inForce) {
        this.jdbc = jdbc;
        this.openProvisions = """
                SELECT pr.provision_id, pr.host_urn, pr.host_name, pr.type, c.commissioned_places, c.on_roll
                FROM rm_provision pr
                """ + inForce.join("pr", "c", "CAST(:asOf AS DATE)") + """

                WHERE c.is_open
                ORDER BY pr.host_urn, pr.provision_id""";
    }

    public GiasReport reconcile(Map<String, GiasExtract.School> extract, LocalDate asOf) {
        Map<String, Tally> product = new TreeMap<>();
        jdbc.query(openProvisions, new MapSqlParameterSource("asOf", Date.valueOf(asOf)), rs -> {
            Tally t = product.computeIfAbsent(rs.getString("host_urn"), u -> new Tally());
            t.name = rs.getString("host_name");
            t.provisionIds.add(rs.getString("provision_id"));
            switch (ProvisionType.valueOf(rs.getString("type"))) {
                case RESOURCE_BASE -> {
                    t.resourcedProvision = true;
                    t.rpCapacity += rs.getInt("commissioned_places");
                    t.rpOnRoll += rs.getInt("on_roll");
                }
                case SEN_UNIT -> {
                    t.senUnit = true;
                    t.unitCapacity += rs.getInt("commissioned_places");
                    t.unitOnRoll += rs.getInt("on_roll");
                }
            }
        });
        Map<String, GiasSchool> schools = new TreeMap<>();
        for (GiasExtract.School g : extract.values()) {
            Tally t = product.getOrDefault(g.urn(), new Tally());
            if (g.type() == ProvisionKind.NONE && !t.any() && zeroOrBlank(g)) {
                continue; // neither has a unit here
            }
            schools.put(g.urn(), compare(g.urn(), g.name(), g, t));
        }
        product.forEach((urn, t) -> schools.computeIfAbsent(urn, u -> compare(u, t.name, null, t)));
        List<GiasSchool> list = List.copyOf(schools.values());
        int agreeing = (int) list.stream().filter(GiasSchool::agrees).count();
        return new GiasReport(asOf, extract.size(), list.size(), agreeing, list.size() - agreeing, list);
    }

    private static boolean zeroOrBlank(GiasExtract.School g) {
        return zero(g.resourcedProvisionCapacity()) && zero(g.resourcedProvisionOnRoll())
                && zero(g.senUnitCapacity()) && zero(g.senUnitOnRoll());
    }

    private static boolean zero(Integer n) {
        return n == null || n == 0;
    }

    private static GiasSchool compare(String urn, String name, GiasExtract.School g, Tally t) {
        GiasProductFigures mine = new GiasProductFigures(t.kind().gias(), t.rpCapacity, t.rpOnRoll, t.unitCapacity,
                t.unitOnRoll, List.copyOf(t.provisionIds));
        GiasFigures theirs = g == null ? null : new GiasFigures(g.type().gias(), g.resourcedProvisionCapacity(),
                g.resourcedProvisionOnRoll(), g.senUnitCapacity(), g.senUnitOnRoll());
        List<GiasDisagreement> d = new ArrayList<>();
        if (g == null || g.type() != t.kind()) {
            d.add(new GiasDisagreement(GiasExtract.TYPE, g == null ? null : g.type().gias(), t.kind().gias()));
        }
        figure(d, GiasExtract.RP_CAPACITY, g == null ? null : g.resourcedProvisionCapacity(), t.rpCapacity);
        figure(d, GiasExtract.RP_ON_ROLL, g == null ? null : g.resourcedProvisionOnRoll(), t.rpOnRoll);
        figure(d, GiasExtract.UNIT_CAPACITY, g == null ? null : g.senUnitCapacity(), t.unitCapacity);
        figure(d, GiasExtract.UNIT_ON_ROLL, g == null ? null : g.senUnitOnRoll(), t.unitOnRoll);
        return new GiasSchool(urn, name, d.isEmpty(), theirs, mine, List.copyOf(d));
    }

    /** A blank in GIAS agrees with a product figure of 0 (nothing to record) and with nothing else. */
    private static void figure(List<GiasDisagreement> d, String item, Integer gias, int product) {
        if (!Objects.equals(gias == null ? 0 : gias, product)) {
            d.add(new GiasDisagreement(item, gias == null ? null : gias.toString(), Integer.toString(product)));
        }
    }

    private static final class Tally {
        String name;
        boolean resourcedProvision;
        boolean senUnit;
        int rpCapacity;
        int rpOnRoll;
        int unitCapacity;
        int unitOnRoll;
        final List<String> provisionIds = new ArrayList<>();

        boolean any() {
            return resourcedProvision || senUnit;
        }

        ProvisionKind kind() {
            return ProvisionKind.of(resourcedProvision, senUnit);
        }
    }
}
