//! Shared by the language corpus tests (`corpus_lang.rs`,
//! `corpus_translated.rs`): the pages a message is put in, in each language,
//! and the macro-F1 over the five labels.

use serde_json::{json, Value};

pub const LABELS: [&str; 5] = [
    "mfa_invalid_code",
    "mfa_challenge_expired",
    "mfa_rate_limited",
    "session_proxy_cookie",
    "other",
];

/// The words around a message on a product's pages, in each language:
/// (login title, login page, MFA title, MFA page, error page title, back link).
/// Written for this test as a product would word them; none of it says a failure.
pub fn chrome(lang: &str) -> [&'static str; 6] {
    match lang {
        "de" => ["Anmelden", "Melden Sie sich bei Ihrem Konto an\nE-Mail-Adresse\nPasswort\nPasswort vergessen?\nAnmelden\nNoch kein Konto? Registrieren", "Bestätigung in zwei Schritten", "Bestätigung in zwei Schritten\nGeben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.\nBestätigungscode\nBestätigen\nKeinen Code erhalten? Code erneut senden\nStattdessen einen Wiederherstellungscode verwenden", "Fehler", "Zurück zur Anmeldung"],
        "fr" => ["Connexion", "Connectez-vous à votre compte\nAdresse e-mail\nMot de passe\nMot de passe oublié ?\nSe connecter\nPas encore de compte ? Inscrivez-vous", "Validation en deux étapes", "Validation en deux étapes\nSaisissez le code à 6 chiffres de votre application d'authentification.\nCode de vérification\nValider\nVous n'avez pas reçu de code ? Renvoyer le code\nUtiliser plutôt un code de récupération", "Erreur", "Retour à la connexion"],
        "es" => ["Iniciar sesión", "Inicia sesión en tu cuenta\nCorreo electrónico\nContraseña\n¿Olvidaste tu contraseña?\nIniciar sesión\n¿No tienes cuenta? Regístrate", "Verificación en dos pasos", "Verificación en dos pasos\nIntroduce el código de 6 dígitos de tu aplicación de autenticación.\nCódigo de verificación\nVerificar\n¿No recibiste el código? Reenviar código\nUsar un código de recuperación", "Error", "Volver a iniciar sesión"],
        "pt" => ["Entrar", "Entre na sua conta\nEndereço de e-mail\nSenha\nEsqueceu a senha?\nEntrar\nNão tem conta? Cadastre-se", "Verificação em duas etapas", "Verificação em duas etapas\nDigite o código de 6 dígitos do seu aplicativo autenticador.\nCódigo de verificação\nVerificar\nNão recebeu o código? Reenviar código\nUsar um código de recuperação", "Erro", "Voltar para o login"],
        "it" => ["Accedi", "Accedi al tuo account\nIndirizzo email\nPassword\nPassword dimenticata?\nAccedi\nNon hai un account? Registrati", "Verifica in due passaggi", "Verifica in due passaggi\nInserisci il codice a 6 cifre dell'app di autenticazione.\nCodice di verifica\nVerifica\nNon hai ricevuto il codice? Invia di nuovo\nUsa un codice di recupero", "Errore", "Torna all'accesso"],
        "nl" => ["Inloggen", "Log in op je account\nE-mailadres\nWachtwoord\nWachtwoord vergeten?\nInloggen\nNog geen account? Registreer je", "Verificatie in twee stappen", "Verificatie in twee stappen\nVoer de 6-cijferige code uit je authenticator-app in.\nVerificatiecode\nVerifiëren\nGeen code ontvangen? Code opnieuw verzenden\nGebruik een herstelcode", "Fout", "Terug naar inloggen"],
        "pl" => ["Zaloguj się", "Zaloguj się na swoje konto\nAdres e-mail\nHasło\nNie pamiętasz hasła?\nZaloguj się\nNie masz konta? Zarejestruj się", "Weryfikacja dwuetapowa", "Weryfikacja dwuetapowa\nWpisz 6-cyfrowy kod z aplikacji uwierzytelniającej.\nKod weryfikacyjny\nZweryfikuj\nNie otrzymałeś kodu? Wyślij ponownie\nUżyj kodu odzyskiwania", "Błąd", "Wróć do logowania"],
        "tr" => ["Oturum aç", "Hesabınızda oturum açın\nE-posta adresi\nŞifre\nŞifrenizi mi unuttunuz?\nOturum aç\nHesabınız yok mu? Kaydolun", "İki adımlı doğrulama", "İki adımlı doğrulama\nKimlik doğrulayıcı uygulamanızdaki 6 haneli kodu girin.\nDoğrulama kodu\nDoğrula\nKod gelmedi mi? Kodu yeniden gönder\nBunun yerine kurtarma kodu kullanın", "Hata", "Oturum açmaya dön"],
        "ja" => ["サインイン", "アカウントにサインイン\nメールアドレス\nパスワード\nパスワードをお忘れですか？\nサインイン\nアカウントをお持ちでない場合は登録", "2段階認証", "2段階認証\n認証アプリに表示された6桁のコードを入力してください。\n確認コード\n確認\nコードが届きませんか？コードを再送信\n代わりにリカバリーコードを使用", "エラー", "サインインに戻る"],
        "zh-Hans" => ["登录", "登录到你的账户\n电子邮件地址\n密码\n忘记密码？\n登录\n还没有账户？注册", "两步验证", "两步验证\n请输入身份验证器应用中的 6 位数字代码。\n验证码\n验证\n没有收到验证码？重新发送\n改用恢复码", "错误", "返回登录"],
        "ko" => ["로그인", "계정에 로그인\n이메일 주소\n비밀번호\n비밀번호를 잊으셨나요?\n로그인\n계정이 없으신가요? 가입하기", "2단계 인증", "2단계 인증\n인증 앱의 6자리 코드를 입력하세요.\n인증 코드\n확인\n코드를 받지 못하셨나요? 코드 재전송\n대신 복구 코드 사용", "오류", "로그인으로 돌아가기"],
        other => panic!("no page words for {other}"),
    }
}

pub fn macro_f1(pairs: &[(String, String)]) -> f64 {
    let mut sum = 0.0;
    let mut counted = 0;
    for l in LABELS {
        let tp = pairs.iter().filter(|(g, p)| g == l && p == l).count() as f64;
        let fp = pairs.iter().filter(|(g, p)| g != l && p == l).count() as f64;
        let fneg = pairs.iter().filter(|(g, p)| g == l && p != l).count() as f64;
        if tp + fp + fneg == 0.0 {
            continue;
        }
        sum += 2.0 * tp / (2.0 * tp + fp + fneg);
        counted += 1;
    }
    sum / f64::from(counted.max(1))
}

pub fn predicted(d: &Value) -> String {
    match d["failure_type"].as_str().unwrap() {
        "unclassified" => "other",
        t => t,
    }
    .to_owned()
}

/// The three pages of a product in `lang` showing `message`.
pub fn pages(lang: &str, message: &str) -> Vec<(&'static str, Value)> {
    let [login_title, login, mfa_title, mfa, error_title, back] = chrome(lang);
    let page = |title: &str, text: String, forms: Value, alerts: Value, status: u16| {
        json!({
            "schema_version": 1,
            "url": "https://id.example.org/login",
            "page": {"status": status, "title": title, "text": text, "alerts": alerts,
                     "lang": lang, "forms": forms, "codes": []},
            "env": {"now_ms": 1_795_000_000_000i64}
        })
    };
    vec![
        (
            "login",
            page(
                login_title,
                format!("{login}\n{message}"),
                json!([{"action": "/login", "method": "post", "inputs": [
                    {"name": "email", "type": "email", "autocomplete": "username"},
                    {"name": "password", "type": "password", "autocomplete": "current-password"}]}]),
                json!([message]),
                200,
            ),
        ),
        (
            "mfa",
            page(
                mfa_title,
                format!("{mfa}\n{message}"),
                json!([{"action": "/login/mfa", "method": "post", "inputs": [
                    {"name": "otp", "type": "text", "autocomplete": "one-time-code",
                     "inputmode": "numeric", "maxlength": 6}]}]),
                json!([message]),
                200,
            ),
        ),
        (
            "error",
            page(
                error_title,
                format!("{error_title}\n{message}\n{back}"),
                json!([]),
                json!([]),
                400,
            ),
        ),
    ]
}
