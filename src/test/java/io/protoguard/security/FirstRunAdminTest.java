package io.protoguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.protoguard.storage.AppUser;
import io.protoguard.storage.AppUserTable;
import io.protoguard.storage.AuditLog;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first start creates an admin whose password is only ever stored hashed; a later start creates none. */
class FirstRunAdminTest {
    private final UserAccounts accounts = mock(UserAccounts.class);
    private final AppUserTable table = mock(AppUserTable.class);
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final FirstRunAdmin firstRun = new FirstRunAdmin(accounts, table, encoder, mock(AuditLog.class));

    @Test
    void firstStartCreatesAdminWithAHashedRandomPassword() {
        when(accounts.anyAdmin()).thenReturn(false);
        when(accounts.find("admin")).thenReturn(Optional.empty());
        FirstRunAdmin.Created created = firstRun.createIfNoAdmin();
        ArgumentCaptor<AppUser> stored = ArgumentCaptor.forClass(AppUser.class);
        verify(table).add(stored.capture());
        assertThat(created.username()).isEqualTo("admin");
        assertThat(created.password()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(stored.getValue().passwordHash()).startsWith("{bcrypt}").doesNotContain(created.password());
        assertThat(encoder.matches(created.password(), stored.getValue().passwordHash())).isTrue();
        assertThat(stored.getValue().roles()).containsExactly(Roles.ADMIN);
    }

    @Test
    void laterStartsCreateNobody() {
        when(accounts.anyAdmin()).thenReturn(true);
        assertThat(firstRun.createIfNoAdmin()).isNull();
        verify(table, never()).add(any());
    }

    @Test
    void plainTextPasswordsInConfigurationStopTheStart() {
        ConfiguredUsers configured = new ConfiguredUsers();
        ConfiguredUsers.User plain = new ConfiguredUsers.User();
        plain.setPassword("secret-in-clear");
        configured.getUsers().put("bob", plain);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new UserAccounts(configured, table, encoder, mock(AuditLog.class), e -> { }))
                .hasMessageContaining("must be a hash").hasMessageContaining("hash-password");
    }
}
