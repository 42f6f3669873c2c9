package uk.placements.shared.placement.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import uk.placements.shared.placement.SplitChangeCategory;
import uk.placements.shared.placement.event.TimeSplitChanged;

/**
 * TimeSplitChanged revision 1 to 2: the reason was a string of words; it becomes {@code {category, text}} with the
 * category {@code UNSPECIFIED}, since nobody chose one then. No reason stays no reason.
 */
public class TimeSplitChangedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(TimeSplitChanged.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TimeSplitChanged.class.getName(), "2"),
                JsonNode.class, TimeSplitChangedUpcaster::toRevision2);
    }

    static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode event = revision1.deepCopy();
        JsonNode reason = event.get("reason");
        if (reason != null && reason.isTextual()) {
            ObjectNode structured = JsonNodeFactory.instance.objectNode();
            structured.put("category", SplitChangeCategory.UNSPECIFIED.name());
            structured.put("text", reason.asText());
            event.set("reason", structured);
        }
        return event;
    }
}
