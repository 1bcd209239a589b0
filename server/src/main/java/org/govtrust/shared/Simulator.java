package org.govtrust.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a built-in simulator: a stand-in for a system outside GovTrust (the identity
 * authority, the CTID platform, the SMS gateway, the business registry) or a development
 * fixture. Component scanning skips these classes; the module's {@link SimulatorRegistrar}
 * registers them, at each start, when {@code govtrust.simulators.enabled} is true. That choice is made
 * when the application starts, not when it is built, so one jar (with its ahead-of-time
 * processed bean definitions) serves the default profile and {@code prod}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Simulator {

}
