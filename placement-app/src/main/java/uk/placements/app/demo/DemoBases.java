package uk.placements.app.demo;

import uk.placements.shared.common.BaseModel;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordBaseLead;
import uk.placements.shared.provision.command.RecordBaseModel;
import uk.placements.shared.provision.command.RecordQualifiedTeacherAccess;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The facts of an inclusion base (docs/inclusion-bases.md) for the demo's provisions still open, sent after the
 * generated authority, so that the standards view and the comparison of bases have something to show: mostly
 * specialist bases, a few support bases; most with a named lead teacher (a fictional name from the demo's word lists),
 * some whose post fell vacant, a few with none recorded; pupils' hours with a qualified teacher around their
 * mainstream peers' 25, some below, some not recorded. Seeded, so one seed gives one authority. Kept apart from
 * {@link AuthorityGenerator}, whose plan other tools replay command by command.
 */
final class DemoBases {

    private static final BigDecimal PEERS = BigDecimal.valueOf(25);
    private static final int[] HOURS = {16, 18, 20, 22, 24, 25, 25, 25, 26, 27};

    private DemoBases() {
    }

    static List<Object> commands(List<Object> casework, long seed, LocalDate today) {
        Map<ProvisionId, LocalDate> open = new LinkedHashMap<>();
        for (Object command : casework) {
            if (command instanceof CommissionProvision c) {
                open.put(c.provisionId(), c.openedOn());
            } else if (command instanceof CloseProvision c) {
                open.remove(c.provisionId());
            }
        }
        Random random = new Random(seed * 31 + 17);
        List<Object> commands = new ArrayList<>();
        for (Map.Entry<ProvisionId, LocalDate> p : open.entrySet()) {
            ProvisionId id = p.getKey();
            LocalDate opened = p.getValue();
            if (opened.isAfter(today)) {
                continue;
            }
            commands.add(new RecordBaseModel(id, random.nextInt(4) == 0 ? BaseModel.SUPPORT : BaseModel.SPECIALIST,
                    opened));
            int lead = random.nextInt(20);
            if (lead < 18) {
                String name = DemoNames.GIVEN.get(random.nextInt(DemoNames.GIVEN.size())) + " "
                        + DemoNames.FAMILY.get(random.nextInt(DemoNames.FAMILY.size()));
                commands.add(new RecordBaseLead(id, name, opened));
                long days = ChronoUnit.DAYS.between(opened, today);
                if (lead < 3 && days > 30) {
                    commands.add(new RecordBaseLead(id, null, opened.plusDays(30 + random.nextInt((int) days - 29))));
                }
            }
            if (random.nextInt(4) != 0) {
                commands.add(new RecordQualifiedTeacherAccess(id, BigDecimal.valueOf(HOURS[random.nextInt(
                        HOURS.length)]), PEERS, opened));
            }
        }
        return commands;
    }
}
