package org.govtrust.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * Explains a start refused for want of an outside system's adapter (a type of a module's
 * {@code spi} package: the identity authority, CTID, the SMS gateway, the business registry),
 * which is what happens when {@code govtrust.simulators.enabled} is false and no real adapter is
 * there. Spring's own analysis only says that a bean is missing; this one says why and what to do.
 */
class OutsideSystemFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		ResolvableType type = cause.getResolvableType();
		Class<?> missing = (type != null) ? type.resolve() : null;
		if (missing == null || !missing.getPackageName().matches("org\\.govtrust\\.[a-z]+\\.spi")) {
			return null;
		}
		return new FailureAnalysis("GovTrust needs " + missing.getName() + ", its link to an outside system, and none "
				+ "is registered: the built-in simulators are switched off (" + SimulatorRegistrar.PROPERTY
				+ "=false) and no real adapter for that system is installed.",
				"For development and tests, switch the simulators on (" + SimulatorRegistrar.PROPERTY
						+ "=true, as the default profile does). For production, install and configure the adapter "
						+ "for this system; the prod profile refuses the simulators.",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE; // before Spring's general analysis of a missing bean
	}

}
