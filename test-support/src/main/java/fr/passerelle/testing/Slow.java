package fr.passerelle.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that takes long (a million rows, waits on real time, faults that restart parts of the stack): left out
 * of the quick loop ({@code ./mvnw verify -Pquick}); the plain {@code ./mvnw verify}, which CI runs, runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(Slow.TAG)
public @interface Slow {

    String TAG = "slow";
}
