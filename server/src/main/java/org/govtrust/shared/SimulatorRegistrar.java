package org.govtrust.shared;

import java.util.List;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Registers a module's built-in simulators ({@link Simulator}) when
 * {@code govtrust.simulators.enabled} is true (the default profile), and none otherwise:
 * {@code prod} then needs the real identity authority, CTID and SMS gateway, and refuses to
 * start without them. Each module imports its own subclass from its configuration.
 * <p>
 * A bean registrar rather than {@code @ConditionalOnProperty}: Spring's ahead-of-time
 * processing (done when the jar is built, used by {@code bin/govtrust}) fixes every condition
 * at its value when the jar was built, but runs a registrar at each start, so the property
 * still decides.
 */
public abstract class SimulatorRegistrar implements BeanRegistrar {

	public static final String PROPERTY = "govtrust.simulators.enabled";

	private final List<Class<?>> simulators;

	protected SimulatorRegistrar(Class<?>... simulators) {
		this.simulators = List.of(simulators);
	}

	/** The classes this registrar registers (the architecture tests check none is left out). */
	public List<Class<?>> simulators() {
		return this.simulators;
	}

	@Override
	public final void register(BeanRegistry registry, Environment env) {
		if (env.getProperty(PROPERTY, Boolean.class, false)) {
			for (Class<?> type : this.simulators) { // named as component scanning would name them
				registry.registerBean(StringUtils.uncapitalizeAsProperty(type.getSimpleName()), type);
			}
		}
	}

}
