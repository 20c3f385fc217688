/** Users: signing up, the profile of the caller, the list for administrators, and the {@code user.created} event. */
package io.kafkaexample.producer.user;
