package io.kafkaexample.producer.user;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;

@Description("A page of a list: page 1 is the first")
public class Pagination {

    @DefaultValue("20")
    private int limit = 20;
    @DefaultValue("1")
    private int page = 1;

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
