export declare const CLIENT_ADDRESS_HEADER: "x-site-client-address";
export declare function clientAddressHeader(address: string, key: string): string;
export declare function isLoopback(address: string | undefined): boolean;
