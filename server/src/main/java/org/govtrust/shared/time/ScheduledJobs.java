package org.govtrust.shared.time;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * Registers what {@code @EnableScheduling} would, unless {@code govtrust.scheduling.enabled}
 * is false. A bean registrar rather than a condition, so that the property is read at each
 * start: Spring's ahead-of-time processing, which {@code bin/govtrust} uses, fixes conditions
 * at their value when the jar was built.
 * <p>
 * Spring Boot's task scheduler is an auto-configuration conditional on this processor, so with
 * the ahead-of-time processed jar it exists whatever the property says at start-up (built with
 * the jobs on, it stays, idle, when they are switched off).
 */
public class ScheduledJobs implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		if (env.getProperty("govtrust.scheduling.enabled", Boolean.class, true)) {
			registry.registerBean(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME,
					ScheduledAnnotationBeanPostProcessor.class, (bean) -> bean.infrastructure());
		}
	}

}
