package uk.placements.edge.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A business date (referral, offer, admission, change, opening, closing) inside the window the product takes:
 * 2000-01-01 to 2099-12-31. The authority's records start well after 2000, and a date outside the window is a typing
 * slip (a referral dated 0985-06-22 made the caseload show 380,383 days waiting), not a fact to record for ever in
 * the event store. Which dates the rules then take (a referral not in the future, dates never going backwards) is
 * for the rules: this only refuses the implausible.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDate.Validator.class)
public @interface PlausibleDate {

    LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    LocalDate LATEST = LocalDate.of(2099, 12, 31);

    String message() default "must be a date from 2000-01-01 to 2099-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
        }
    }
}
