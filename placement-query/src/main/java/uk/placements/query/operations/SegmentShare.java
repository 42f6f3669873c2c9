package uk.placements.query.operations;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The most segments of a processing group this instance may claim: its fair share, the group's segments divided by
 * the live query instances, rounded up. A pooled streaming processor asks at every claim round (each token claim
 * interval) and releases segments above its share, so a new instance soon gets its part, and when an instance dies
 * the share of the survivors grows and they take over its segments once Axon's claim timeout lets them.
 * <p>
 * Fed by {@link SharedProcessorControl}'s poll; until the first poll (and while a group has no tokens yet) there is
 * no limit, which is the right answer for the first or only instance.
 */
public class SegmentShare implements MaxSegmentProvider {

    private final Map<String, Integer> segments = new ConcurrentHashMap<>();
    private volatile int liveInstances = 1;

    @Override
    public int getMaxSegments(String processingGroup) {
        int count = segments.getOrDefault(processingGroup, 0);
        return count == 0 ? Short.MAX_VALUE : (count + liveInstances - 1) / liveInstances;
    }

    void update(int liveInstances, Map<String, Integer> segmentsByGroup) {
        this.liveInstances = Math.max(1, liveInstances);
        segments.putAll(segmentsByGroup);
    }
}
