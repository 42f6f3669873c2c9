package uk.placements.query.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;
import uk.placements.edge.web.NotFound;

/** The processors of this process only: all there are in the embedded mode (see {@link ProcessorControl}). */
@Component
public class LocalProcessorControl implements ProcessorControl {

    private final EventProcessingConfiguration processing;

    public LocalProcessorControl(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public void stop(String processingGroup) {
        processor(processingGroup).shutDown();
    }

    @Override
    public void start(String processingGroup) {
        processor(processingGroup).start();
    }

    StreamingEventProcessor processor(String processingGroup) {
        return processing.eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("projection", processingGroup));
    }
}
