package uk.placements.edge.web;

/**
 * 400 with one field error: input that is well-formed but outside what the API takes, found after binding (a check
 * across two fields, a parameter out of range). The message says what the field must be and never quotes the value.
 */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
