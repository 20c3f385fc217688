package io.kafkaexample.consumer.readmodel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.redis.RedisScript;
import org.junit.jupiter.api.Test;

class ScriptResourcesTest {

    @Test
    void theReadModelsScriptsAreOnTheClassPath() {
        assertAll(
                () -> assertEquals("user-created", ReadModel.USER_CREATED.name()),
                () -> assertEquals("token-issued", ReadModel.TOKEN_ISSUED.name()),
                () -> assertTrue(ReadModel.USER_CREATED.sha().matches("[0-9a-f]{40}"), ReadModel.USER_CREATED::sha));
    }

    @Test
    void aMissingScriptFailsNamingTheResourceAndItsOwner() {
        var missing = assertThrows(IllegalStateException.class, () -> RedisScript.load(ReadModel.class, "no-such-script"));
        assertTrue(missing.getMessage().contains("/redis/no-such-script.lua"), missing::getMessage);
        assertTrue(missing.getMessage().contains(ReadModel.class.getName()), missing::getMessage);
    }
}
