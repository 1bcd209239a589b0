package org.govtrust.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import org.govtrust.identity.domain.RegistrationRepository;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Lets a test run something just after a registration was read ({@code findById}), before
 * the reader goes on with what it read: two submissions of one step at the same moment,
 * without relying on timing.
 */
public final class RegistrationReadHook implements BeanPostProcessor {

	private final AtomicReference<Runnable> afterNext = new AtomicReference<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof RegistrationRepository repository)) {
			return bean;
		}
		return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { RegistrationRepository.class },
				(proxy, method, arguments) -> {
					Object result;
					try {
						result = method.invoke(repository, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					if (method.getName().equals("findById")) {
						Runnable action = this.afterNext.getAndSet(null);
						if (action != null) {
							action.run();
						}
					}
					return result;
				});
	}

	/**
	 * Runs an action once, just after the next registration is read, on the reader's thread.
	 * @param action what to run
	 */
	public void afterNextRead(Runnable action) {
		this.afterNext.set(action);
	}

	/** Forgets an action that did not run. */
	public void reset() {
		this.afterNext.set(null);
	}

}
