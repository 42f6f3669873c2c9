package uk.placements.query.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;
import uk.placements.edge.web.NotFound;

/** The processors of this process only; {@link SharedProcessorControl} stops and starts them on every instance. */
@Component
public class LocalProcessorControl {

    private final EventProcessingConfiguration processing;

    public LocalProcessorControl(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    StreamingEventProcessor processor(String processingGroup) {
        return processing.eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("projection", processingGroup));
    }
}
