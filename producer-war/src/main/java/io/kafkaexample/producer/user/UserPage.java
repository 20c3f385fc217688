package io.kafkaexample.producer.user;

import java.util.List;

public class UserPage {

    private final List<User> users;
    private final long total;

    public UserPage(List<User> users, long total) {
        this.users = users;
        this.total = total;
    }

    public List<User> getUsers() {
        return users;
    }

    public long getTotal() {
        return total;
    }
}
