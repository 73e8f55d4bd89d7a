package io.newsmon.sources.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    @Test
    void namesEveryKindOfInternalAddress() throws Exception {
        assertThat(AddressPolicy.internal(InetAddress.getByName("127.0.0.1"))).contains("loopback");
        assertThat(AddressPolicy.internal(InetAddress.getByName("::1"))).contains("loopback");
        assertThat(AddressPolicy.internal(InetAddress.getByName("10.1.2.3"))).contains("private");
        assertThat(AddressPolicy.internal(InetAddress.getByName("172.20.0.1"))).contains("private");
        assertThat(AddressPolicy.internal(InetAddress.getByName("192.168.0.10")))
                .contains("private");
        assertThat(AddressPolicy.internal(InetAddress.getByName("169.254.169.254")))
                .contains("link-local");
        assertThat(AddressPolicy.internal(InetAddress.getByName("100.100.1.1"))).contains("carrier-grade");
        assertThat(AddressPolicy.internal(InetAddress.getByName("fd12::1"))).contains("unique-local");
        assertThat(AddressPolicy.internal(InetAddress.getByName("224.0.0.1"))).contains("multicast");
        assertThat(AddressPolicy.internal(InetAddress.getByName("0.0.0.0"))).contains("unspecified");
        assertThat(AddressPolicy.internal(InetAddress.getByName("::ffff:10.0.0.1")))
                .contains("private");
        assertThat(AddressPolicy.internal(InetAddress.getByName("93.184.216.34")))
                .isNull();
        assertThat(AddressPolicy.internal(InetAddress.getByName("2606:4700::1111")))
                .isNull();
    }

    @Test
    void configuredRangesOpenExactlyThoseAddresses() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.0/8", "10.20.0.0/16"));
        policy.check(URI.create("http://127.0.0.1:8190/feed.xml"));
        policy.check(URI.create("http://10.20.3.4/"));
        assertThatThrownBy(() -> policy.check(URI.create("http://10.21.0.1/"))).hasMessageContaining("private");
        assertThatThrownBy(() -> policy.check(URI.create("ftp://127.0.0.1/"))).hasMessageContaining("only http");
    }

    @Test
    void aMalformedRangeIsAConfigurationErrorThatSaysWhich() {
        assertThatThrownBy(() -> new AddressPolicy(List.of("127.0.0.0/99")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.0/99");
    }
}
