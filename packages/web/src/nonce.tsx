import { createContext, useContext } from "react";

/** The CSP nonce of the current server render (empty in the browser, where it isn't needed). */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
