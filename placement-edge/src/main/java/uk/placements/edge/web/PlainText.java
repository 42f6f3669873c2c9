package uk.placements.edge.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: no control characters (U+0000 to U+001F, U+007F to U+009F). A name is one line, so it takes
 * none at all; a note or a reason ({@code lines = true}) may hold line breaks and tabs. Control characters in a name
 * break the CSV returns, the logs' lines and the screens that show it, and nobody types them.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    /** An ECMA-262 pattern of a one-line text, for the OpenAPI document. */
    String ONE_LINE = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";
    /** The same with line breaks and tabs allowed. */
    String LINES = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";

    boolean lines() default false;

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private boolean lines;

        @Override
        public void initialize(PlainText annotation) {
            lines = annotation.lines();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean control = c < 0x20 || c >= 0x7F && c <= 0x9F;
                boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
                if (control && !(lines && lineBreakOrTab)) {
                    return false;
                }
            }
            return true;
        }
    }
}
