package fr.passerelle.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SSRF guard against every class of address, literal and behind a name (a stub resolver: no DNS in tests). */
class AddressGuardTest {

    private static final AddressGuard STRICT = new AddressGuard(false);
    private static final AddressGuard DEV = new AddressGuard(true);

    private static String code(AddressGuard guard, String url) {
        return guard.check(url).map(AddressGuard.Refusal::code).orElse("OK");
    }

    @Test
    void everyNonPublicAddressIsRefusedWhateverItsSpelling() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (String url : List.of(
                "https://127.0.0.1/h", "https://127.8.9.10/h", "https://[::1]/h", "https://[::ffff:127.0.0.1]/h",
                "https://10.0.0.1/h", "https://10.255.255.255/h", "https://172.16.0.1/h", "https://172.31.255.254/h",
                "https://192.168.0.10/h", "https://169.254.169.254/latest/meta-data/", "https://169.254.1.1/h",
                "https://100.64.0.1/h", "https://100.127.255.254/h", "https://224.0.0.1/h", "https://239.255.255.250/h",
                "https://0.0.0.0/h", "https://255.255.255.255/h", "https://240.0.0.1/h", "https://[::]/h",
                "https://[fc00::1]/h", "https://[fd12:3456:789a::1]/h", "https://[fe80::1]/h", "https://[febf::1]/h",
                "https://[ff02::1]/h", "https://[::ffff:10.0.0.1]/h", "https://[::ffff:169.254.169.254]/h",
                "https://[::ffff:a9fe:a9fe]/h", "https://[::10.0.0.1]/h", "https://[64:ff9b::a9fe:a9fe]/h",
                "https://[2002:a00:1::1]/h", "https://[2001:db8::1]/h", "https://192.0.2.1/h", "https://198.18.0.1/h")) {
            expected.put(url, "URL_ADDRESS_NOT_PUBLIC");
        }
        Map<String, String> actual = new java.util.LinkedHashMap<>();
        expected.keySet().forEach(url -> actual.put(url, code(STRICT, url)));
        assertEquals(expected, actual);
    }

    @Test
    void theDevSettingOpensLoopbackOnlyAndThenHttpToo() {
        assertEquals("OK", code(DEV, "http://127.0.0.1:8089/hooks"));
        assertEquals("OK", code(DEV, "http://[::1]:8089/hooks"));
        assertEquals("OK", code(DEV, "https://127.0.0.1/hooks"));
        assertEquals("URL_ADDRESS_NOT_PUBLIC", code(DEV, "http://10.0.0.1/hooks"));
        assertEquals("URL_ADDRESS_NOT_PUBLIC", code(DEV, "https://169.254.169.254/"));
        assertEquals("URL_SCHEME", code(DEV, "http://93.184.216.34/hooks"));
        assertEquals("URL_SCHEME", code(STRICT, "http://93.184.216.34/hooks"));
        assertEquals("URL_ADDRESS_NOT_PUBLIC", code(STRICT, "http://127.0.0.1:8089/hooks"));
    }

    @Test
    void publicHttpsIsAcceptedAndMalformedTargetsAreNot() {
        assertEquals("OK", code(STRICT, "https://93.184.216.34/hooks?token=x"));
        assertEquals("OK", code(STRICT, "https://[2606:4700:4700::1111]/hooks"));
        assertEquals("URL_SCHEME", code(STRICT, "ftp://93.184.216.34/hooks"));
        assertEquals("URL_INVALID", code(STRICT, "https://user:pw@93.184.216.34/hooks"));
        assertEquals("URL_INVALID", code(STRICT, "https://93.184.216.34/hooks#frag"));
        assertEquals("URL_INVALID", code(STRICT, "/relative/path"));
        assertEquals("URL_INVALID", code(STRICT, "https://exa mple.org/"));
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() throws UnknownHostException {
        Map<String, InetAddress[]> dns = Map.of(
                "good.example", new InetAddress[] {InetAddress.getByName("93.184.216.34")},
                "mixed.example", new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")},
                "metadata.example", new InetAddress[] {InetAddress.getByName("169.254.169.254")},
                "local.example", new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        AddressGuard guard = new AddressGuard(false, host -> {
            InetAddress[] a = dns.get(host);
            if (a == null) {
                throw new UnknownHostException(host);
            }
            return a;
        });
        List<String> codes = new ArrayList<>();
        for (String host : List.of("good.example", "mixed.example", "metadata.example", "local.example", "nowhere.example")) {
            codes.add(host + "=" + guard.check("https://" + host + "/h").map(AddressGuard.Refusal::code).orElse("OK"));
        }
        assertEquals(List.of("good.example=OK", "mixed.example=URL_ADDRESS_NOT_PUBLIC", "metadata.example=URL_ADDRESS_NOT_PUBLIC",
                "local.example=URL_ADDRESS_NOT_PUBLIC", "nowhere.example=URL_UNRESOLVABLE"), codes);
        assertEquals(Optional.empty(), guard.check("https://good.example/h"));
    }
}
