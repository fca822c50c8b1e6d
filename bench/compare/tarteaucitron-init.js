// tarteaucitron.js 1.34.0 configured as our banner is: GA4 (gtag) behind consent, accept and deny on the first layer.
tarteaucitron.init({
  privacyUrl: "/privacy/",
  orientation: "bottom",
  showAlertSmall: false,
  cookieslist: false,
  highPrivacy: true,
  handleBrowserDNTRequest: false,
  AcceptAllCta: true,
  DenyAllCta: true,
  mandatory: true,
  useExternalCss: false,
  showIcon: true,
});
tarteaucitron.user.gtagUa = "G-TEST123";
(tarteaucitron.job = tarteaucitron.job || []).push("gtag");
