package uk.placements.edge.pupil;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.pupil.KeyEncryptionKey;
import uk.placements.shared.pupil.PupilVault;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Under Axon Server a referral's event reaches the read models a moment before the command's database transaction
 * (and with it the pupil's new key) commits. Seen: 4 to 13 of 33-37 pupils shown as erased although nobody erased
 * them. A read model that finds no key must tell "not yet" from "erased": on the real key tables (the product's own
 * migrations, on H2), the vault asks the batch to be tried again while the key is on its way, opens the values once it
 * is there, reads them as erased once an erasure left its tombstone, and gives up waiting after its patience.
 */
class KeyNotYetVisibleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private JdbcTemplate jdbc;
    private KeyEncryptionKey kek;
    private PupilVault vault;
    private final PupilId pupil = new PupilId(UUID.randomUUID().toString());

    @BeforeEach
    void keyTables() throws Exception {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(data);
        for (String migration : new String[] {"V1__event_store.sql", "V2__erased_pupil.sql"}) {
            jdbc.execute(new String(getClass().getResourceAsStream("/db/eventstore/h2/" + migration).readAllBytes()));
        }
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        kek = new KeyEncryptionKey(master);
        vault = new PupilVault(new PupilVaultConfiguration.JdbcDataKeys(jdbc, kek));
    }

    @Test
    void aKeyStillBeingCommittedIsWaitedForThenOpensTheValues() {
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);

        assertThatThrownBy(() -> vault.opener(pupil, Instant.now(), PATIENCE))
                .as("no key, no erasure, a fresh event: after a brief wait, try the batch again")
                .isInstanceOf(PupilVault.KeyNotYetVisible.class);

        jdbc.update("INSERT INTO pupil_key (pupil_id, upn_digest, wrapped_key, created_at) VALUES (?, ?, ?, ?)",
                pupil.value(), "digest", kek.wrap(dataKey), Timestamp.from(Instant.now()));
        String sealed = vault.sealNote(pupil, "likes the quiet room");
        UnaryOperator<String> open = vault.opener(pupil, Instant.now(), PATIENCE);

        assertThat(open.apply(sealed)).isEqualTo("likes the quiet room");
    }

    @Test
    void aKeyCommittedWhileTheProjectionWaitsBrieflyIsUsedWithoutARetry() throws Exception {
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        Thread commit = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            jdbc.update("INSERT INTO pupil_key (pupil_id, upn_digest, wrapped_key, created_at) VALUES (?, ?, ?, ?)",
                    pupil.value(), "digest", kek.wrap(dataKey), Timestamp.from(Instant.now()));
        });
        commit.start();

        UnaryOperator<String> open = vault.opener(pupil, Instant.now(), PATIENCE);
        commit.join();

        assertThat(open.apply(vault.sealNote(pupil, "travels by taxi"))).isEqualTo("travels by taxi");
    }

    /**
     * A rebuild of the caseload opens every referral of the history: the keys of many pupils are read together, in
     * chunks (more pupils here than one chunk holds) or, for thousands, in one pass over the table; each opens that
     * pupil's values only, a pupil without a key is left out for the one-by-one path that tells "erased" from "not
     * yet", and a pupil not asked for is not read into the answer.
     */
    @ParameterizedTest(name = "{0} pupils")
    @ValueSource(ints = {PupilVaultConfiguration.JdbcDataKeys.CHUNK + 7,
            PupilVaultConfiguration.JdbcDataKeys.WHOLE_TABLE_FROM + 7})
    void theKeysOfManyPupilsAreReadTogetherAndAPupilWithoutAKeyIsLeftOut(int many) {
        List<PupilId> pupils = new ArrayList<>();
        Map<PupilId, String> notes = new HashMap<>();
        PupilId notAskedFor = new PupilId(UUID.randomUUID().toString());
        jdbc.update("INSERT INTO pupil_key (pupil_id, upn_digest, wrapped_key, created_at) VALUES (?, ?, ?, ?)",
                notAskedFor.value(), "digest-other", kek.wrap(new byte[32]), Timestamp.from(Instant.now()));
        for (int i = 0; i < many; i++) {
            PupilId each = new PupilId(UUID.randomUUID().toString());
            byte[] dataKey = new byte[32];
            new SecureRandom().nextBytes(dataKey);
            jdbc.update("INSERT INTO pupil_key (pupil_id, upn_digest, wrapped_key, created_at) VALUES (?, ?, ?, ?)",
                    each.value(), "digest-" + i, kek.wrap(dataKey), Timestamp.from(Instant.now()));
            pupils.add(each);
            notes.put(each, vault.sealNote(each, "note " + i));
        }
        pupils.add(pupil); // no key

        Map<PupilId, UnaryOperator<String>> openers = vault.openers(pupils);

        assertThat(openers).hasSize(many).doesNotContainKey(pupil).doesNotContainKey(notAskedFor);
        for (int i = 0; i < pupils.size() - 1; i++) {
            assertThat(openers.get(pupils.get(i)).apply(notes.get(pupils.get(i)))).isEqualTo("note " + i);
        }
        PupilId first = pupils.get(0);
        assertThatThrownBy(() -> openers.get(first).apply(notes.get(pupils.get(1))))
                .as("another pupil's value does not open with this pupil's key")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anErasedPupilReadsAsErasedAtOnce() {
        jdbc.update("INSERT INTO erased_pupil (pupil_id, erased_at) VALUES (?, ?)", pupil.value(),
                Timestamp.from(Instant.now()));

        assertThat(vault.opener(pupil, Instant.now(), PATIENCE).apply("enc:v1:anything"))
                .isEqualTo(PupilVault.ERASED);
    }

    @Test
    void aKeyThatNeverCameReadsAsErasedOncePatienceIsOver() {
        Instant longAgo = Instant.now().minus(PATIENCE).minusSeconds(1);

        assertThat(vault.opener(pupil, longAgo, PATIENCE).apply("enc:v1:anything")).isEqualTo(PupilVault.ERASED);
    }
}
