package org.govtrust.shared.time;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Housekeeping jobs (purging expired registrations and send records, ending timed-out
 * sessions). Off with {@code govtrust.scheduling.enabled=false}: see {@link ScheduledJobs}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ScheduledJobs.class)
class SchedulingConfiguration {

}
