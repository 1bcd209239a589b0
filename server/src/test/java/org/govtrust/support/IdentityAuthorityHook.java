package org.govtrust.support;

import java.util.concurrent.atomic.AtomicReference;

import org.govtrust.identity.spi.IdentityAuthority;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's identity authority so a test can run something while the
 * authority is being asked. A second submission of the same step run there sees the state
 * from before the first one's answer, as two overlapping requests do, on one thread and
 * with no timing involved.
 */
public final class IdentityAuthorityHook implements BeanPostProcessor {

	private final AtomicReference<Runnable> duringNext = new AtomicReference<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof IdentityAuthority authority)) {
			return bean;
		}
		return (IdentityAuthority) (elements, faceImage) -> {
			Runnable action = this.duringNext.getAndSet(null);
			if (action != null) {
				action.run();
			}
			return authority.verify(elements, faceImage);
		};
	}

	/**
	 * Runs an action inside the next call to the authority, before it answers; once.
	 * @param action what to run
	 */
	public void duringNextVerification(Runnable action) {
		this.duringNext.set(action);
	}

	/** Forgets an action that did not run. */
	public void reset() {
		this.duringNext.set(null);
	}

}
