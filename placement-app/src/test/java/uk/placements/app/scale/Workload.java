package uk.placements.app.scale;

import uk.placements.command.http.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Commands sent through a command service by a few callers at once: provisions commissioned, pupils referred, and
 * every {@code offerEvery}-th placement offered a place. Remembers each placement's version after its last command,
 * which a read model that saw every event exactly once reports back.
 */
final class Workload {

    final List<String> provisions = new ArrayList<>();
    final Map<String, Long> placementVersions = new ConcurrentHashMap<>();
    final Map<String, Boolean> offered = new ConcurrentHashMap<>();
    private int commands;

    static Workload run(Api command, String prefix, int provisions, int referrals, int offerEvery) throws Exception {
        Workload workload = new Workload();
        for (int i = 0; i < provisions; i++) {
            workload.provisions.add(command.commission(Api.newProvisionId(prefix), "RESOURCE_BASE", referrals));
            workload.commands++;
        }
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < referrals; i++) {
                int n = i;
                done.add(callers.submit(() -> workload.placement(command, n, offerEvery)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            callers.shutdownNow();
        }
        workload.commands += referrals + workload.offered.size();
        return workload;
    }

    private void placement(Api command, int n, int offerEvery) {
        Api.Answer referral = command.post("caseworker", "/api/placements",
                Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "2026-09-01"));
        if (referral.status() != 201) {
            throw new IllegalStateException("referral failed: " + referral);
        }
        String id = referral.json().get("id").asText();
        placementVersions.put(id, referral.json().get("version").asLong());
        if (n % offerEvery == 0) {
            Api.Answer offer = command.offer(id, provisions.get(n % provisions.size()));
            if (offer.status() != 200) {
                throw new IllegalStateException("offer failed: " + offer);
            }
            placementVersions.put(id, offer.json().get("version").asLong());
            offered.put(id, true);
        }
    }

    int commands() {
        return commands;
    }
}
