package uk.placements.bench;

import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.ChangeTimeSplit;
import uk.placements.shared.placement.command.DeclineOffer;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.MoveToMainstream;
import uk.placements.shared.placement.command.OfferPlace;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.placement.command.WithdrawOffer;
import uk.placements.shared.placement.command.WithdrawReferral;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordStaffing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A generated command as the HTTP request a caseworker's or provision admin's browser sends for it (API.md).
 * {@code serverId} maps the generator's placement id to the one the server gave the referral, for placements
 * referred over HTTP (the server chooses their ids).
 *
 * @param method HTTP method
 * @param path   path under the server
 * @param user   the demo user whose role may send it
 * @param body   the JSON body as a map
 */
record HttpCommands(String method, String path, String user, Map<String, Object> body) {

    static HttpCommands of(Object command, UnaryOperator<String> serverId) {
        if (command instanceof ReferPupil c) {
            return caseworker("POST", "/api/placements", map(
                    "pupil", map("upn", c.pupil().upn().value(), "givenName", c.pupil().givenName(),
                            "familyName", c.pupil().familyName(), "dateOfBirth", c.pupil().dateOfBirth()),
                    "yearGroup", c.yearGroup(), "primaryNeed", c.primaryNeed(), "secondaryNeeds", c.secondaryNeeds(),
                    "ehcpStatus", c.ehcpStatus(), "requestedType", c.requestedType(),
                    "homeSchoolUrn", c.homeSchoolUrn().value(), "referredOn", c.referredOn(), "note", c.note()));
        }
        if (command instanceof OfferPlace c) {
            return caseworker("POST", placement(serverId, c.placementId().value(), "/offer"), map(
                    "provisionId", c.provisionId().value(), "offeredOn", c.offeredOn(),
                    "needOverrideReason", c.needOverrideReason(), "overCapacityDecision", decision(c)));
        }
        if (command instanceof DeclineOffer c) {
            return caseworker("POST", placement(serverId, c.placementId().value(), "/offer/decline"),
                    map("on", c.on(), "reason", c.reason()));
        }
        if (command instanceof WithdrawOffer c) {
            return caseworker("POST", placement(serverId, c.placementId().value(), "/offer/withdraw"),
                    map("on", c.on(), "reason", c.reason()));
        }
        if (command instanceof WithdrawReferral c) {
            return caseworker("POST", placement(serverId, c.placementId().value(), "/withdraw"),
                    map("on", c.on(), "reason", c.reason()));
        }
        if (command instanceof AdmitPupil c) {
            return caseworker("POST", placement(serverId, c.placementId().value(), "/admission"),
                    map("admittedOn", c.admittedOn(), "mainstreamPercent", c.mainstreamPercent(),
                            "reason", c.reason()));
        }
        if (command instanceof ChangeTimeSplit c) {
            return caseworker("POST", placement(serverId, c.placementId().value(), "/time-split"),
                    map("mainstreamPercent", c.mainstreamPercent(), "effectiveFrom", c.effectiveFrom(),
                            "reason", c.reason(), "reasonCategory", c.reasonCategory()));
        }
        if (command instanceof MoveToMainstream c) {
            return caseworker("POST",
                    placement(serverId, c.placementId().value(), "/move-to-mainstream"),
                    map("effectiveFrom", c.effectiveFrom(), "note", c.note()));
        }
        if (command instanceof EndPlacement c) {
            return caseworker("POST", placement(serverId, c.placementId().value(), "/end"),
                    map("effectiveFrom", c.effectiveFrom(), "reason", c.reason(), "note", c.note()));
        }
        if (command instanceof ChangeCommissionedPlaces c) {
            return new HttpCommands("PUT", "/api/provisions/" + c.provisionId().value()
                    + "/places", "provision-admin", map("commissionedPlaces", c.commissionedPlaces(),
                    "effectiveFrom", c.effectiveFrom(), "reason", c.reason()));
        }
        if (command instanceof RecordStaffing c) {
            return new HttpCommands("POST", "/api/provisions/" + c.provisionId().value()
                    + "/staffing", "provision-admin", map("adults", c.adults(), "qualifiedTeachers",
                    c.qualifiedTeachers(), "therapyHoursPerWeek", c.therapyHoursPerWeek(),
                    "effectiveFrom", c.effectiveFrom()));
        }
        if (command instanceof CommissionProvision c) {
            return new HttpCommands("POST", "/api/provisions", "provision-admin", map(
                    "id", c.provisionId().value(), "name", c.name(), "type", c.type().name(),
                    "hostSchool", map("urn", c.hostSchool().urn().value(), "name", c.hostSchool().name()),
                    "phase", c.phase().name(), "lowestYear", c.lowestYear(), "highestYear", c.highestYear(),
                    "designatedNeeds", c.designatedNeeds().stream().map(Enum::name).sorted().toList(),
                    "commissionedPlaces", c.commissionedPlaces(), "openedOn", c.openedOn()));
        }
        if (command instanceof CloseProvision c) {
            return new HttpCommands("POST", "/api/provisions/" + c.provisionId().value() + "/close",
                    "provision-admin", map("closedOn", c.closedOn(), "reason", c.reason()));
        }
        throw new IllegalArgumentException("no HTTP request for " + command.getClass().getSimpleName());
    }

    boolean creates() {
        return path.equals("/api/placements");
    }

    private static HttpCommands caseworker(String method, String path, Map<String, Object> body) {
        return new HttpCommands(method, path, "caseworker", body);
    }

    private static String placement(UnaryOperator<String> serverId, String generated, String action) {
        return "/api/placements/" + serverId.apply(generated) + action;
    }

    private static Map<String, Object> decision(OfferPlace c) {
        OverCapacityDecision d = c.overCapacityDecision();
        return d == null ? null : map("reason", d.reason(), "decidedBy", d.decidedBy());
    }

    /** A map that, unlike {@link Map#of}, takes nulls (Jackson writes them as JSON nulls, as a browser would). */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
