package org.govtrust.shared.time;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Housekeeping jobs (purging expired registrations and send records). Off with
 * {@code govtrust.scheduling.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "govtrust.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

}
