import { defineMessages } from '../../i18n/i18n';

export const LOGIN = defineMessages('login', {
  ar: {
    title: 'تسجيل الدخول',
    username: 'اسم المستخدم',
    password: 'كلمة المرور',
    totpCode: 'رمز التحقق (من تطبيق المصادقة)',
    totpHint: 'أدخل الرمز المكوّن من ستة أرقام الظاهر في تطبيق المصادقة.',
    submit: 'دخول',
    verify: 'تحقّق',
    invalidCredentials: 'تعذّر تسجيل الدخول: اسم المستخدم أو كلمة المرور أو الرمز غير صحيح.',
    locked: 'الحساب مقفل مؤقتاً بعد محاولات فاشلة متكررة. حاول لاحقاً أو راجع مدير النظام.',
    disabled: 'هذا الحساب معطّل. راجع مدير النظام.',
    rateLimited: 'محاولات كثيرة. انتظر دقيقة ثم حاول مجدداً.',
    enrol: {
      title: 'تفعيل التحقق بخطوتين',
      body: 'يتطلب دورك التحقق بخطوتين. أضف هذا المفتاح إلى تطبيق المصادقة ثم أدخل الرمز الذي يظهر.',
      secret: 'المفتاح',
      confirm: 'تأكيد التفعيل',
    },
  },
  en: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    totpCode: 'Verification code (from your authenticator app)',
    totpHint: 'Enter the six-digit code shown in your authenticator app.',
    submit: 'Sign in',
    verify: 'Verify',
    invalidCredentials: 'Sign-in failed: the username, password or code is incorrect.',
    locked:
      'This account is locked after repeated failed attempts. Try later or ask an administrator.',
    disabled: 'This account is disabled. Ask an administrator.',
    rateLimited: 'Too many attempts. Wait a minute and try again.',
    enrol: {
      title: 'Turn on two-step verification',
      body: 'Your role requires two-step verification. Add this key to your authenticator app, then enter the code it shows.',
      secret: 'Key',
      confirm: 'Confirm',
    },
  },
});
